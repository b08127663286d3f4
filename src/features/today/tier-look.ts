/** How a tier level is shown: its name in the user's language, its colour and its playbook. */
export interface TierLook {
  name: string;
  colour: string;
  strategy: string;
  actions: string[];
}
