export * from './dto/mentors.args.js';
export * from './mentor-index/mentor-changes.js';
export * from './profiles.module.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile-enums.js';
// The columns mentor lists read, for tooling that reads the same rows (bench:mentors).
export { PROFILE_COLUMNS } from './profiles/profile-row.js';
