export * from './dto/mentors.args.js';
export * from './profiles.module.js';
export * from './profiles/mentor-search.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile-enums.js';
export * from './reference/index.js';
export * from './specialties/specialty.entity.js';
export * from './specialties/specialty-sync.js';
