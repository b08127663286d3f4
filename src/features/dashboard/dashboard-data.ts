/** The default share of one client's revenue above which the dashboard warns, in %. */
export const DEFAULT_CONCENTRATION_PERCENT = 30;
