import { clientIdFor, routeFor, type RouteName } from './routes';

/**
 * Client-side routing over the history API. Ordinary `<a href>` links anywhere in the app
 * are intercepted (views need no router import); back and forward replay `popstate`.
 */
export class Router {
  url = $state.raw(new URL(window.location.href));
  route: RouteName = $derived(routeFor(this.url.pathname));
  clientId: string | null = $derived(clientIdFor(this.url.pathname));

  /** Starts listening; returns the function that stops. */
  start(): () => void {
    const onPopState = (): void => {
      this.url = new URL(window.location.href);
    };
    const onClick = (event: MouseEvent): void => {
      const href = internalHref(event);
      if (href === null) return;
      event.preventDefault();
      this.navigate(href);
    };
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick);
    };
  }

  navigate(href: string, { replace = false } = {}): void {
    const next = new URL(href, window.location.href);
    if (next.href === this.url.href) return;
    if (replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    this.url = next;
  }
}

/** The link target of a plain left click on a same-origin app link, or null. */
function internalHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.('a'); // clicks land on elements
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (routeFor(url.pathname) === 'not-found') return null;
  return url.href;
}
