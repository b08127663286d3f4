import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Escape anywhere inside the element runs `handler` (cancels an edit): the keyboard's
 * way out of a form, as an attachment so any element can have it.
 */
export function onEscape(handler: () => void): Attachment<HTMLElement> {
  return (element) => {
    const listener = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      handler();
    };
    element.addEventListener('keydown', listener);
    return () => element.removeEventListener('keydown', listener);
  };
}

/**
 * Enter in a text field inside the element does not submit its form: for forms whose
 * Save commits much at once (the scoring model), only the button does.
 */
export const noEnterSubmit: Attachment<HTMLElement> = (element) => {
  const listener = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
  };
  element.addEventListener('keydown', listener);
  return () => element.removeEventListener('keydown', listener);
};

/** Focuses the element as it is mounted (the first field of a form that just opened). */
export const focusOnMount: Attachment<HTMLElement> = (element) => {
  element.focus();
};

/**
 * Focuses the first field marked invalid inside the element, once the page shows the
 * marks: after a refused save the keyboard lands where the fix is, not on Save.
 */
export async function focusFirstInvalid(element: HTMLElement | undefined): Promise<void> {
  await tick();
  element?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
