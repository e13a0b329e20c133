export * from './dto/mentors.args.js';
export * from './mentor-index/mentor-changes.js';
export * from './profiles.module.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile-enums.js';
