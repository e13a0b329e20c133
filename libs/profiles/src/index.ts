export * from './dto/mentors.args.js';
export * from './mentor-index/mentor-changes.js';
export * from './profiles.module.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile-enums.js';
export * from './seed/demo-seed.service.js';
export * from './seed/seed-loader.js';
export * from './seed/synthetic-people.js';
