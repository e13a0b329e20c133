export * from './dto/mentors.args.js';
export * from './profiles.module.js';
export * from './profiles/mentor-search.js';
export * from './profiles/profile.entity.js';
export * from './profiles/profile-enums.js';
export * from './mentor-index/mentor-changes.js';
export { isPlainSearchWord } from './mentor-index/text-postings.js';
