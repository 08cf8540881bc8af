export const roles = ['owner', 'organiser', 'facilitator', 'viewer'] as const;
export type Role = (typeof roles)[number];
