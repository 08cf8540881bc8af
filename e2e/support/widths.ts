/** Every journey runs at a desktop and a small-phone width. */
export const WIDTHS = [1280, 375] as const;
export type Width = (typeof WIDTHS)[number];

export const VIEWPORTS: Record<Width, { width: number; height: number }> = {
	1280: { width: 1280, height: 800 },
	375: { width: 375, height: 812 }
};
