/** How a tier level is shown: its name in the user's language and its colour. */
export interface TierLook {
  name: string;
  colour: string;
}
