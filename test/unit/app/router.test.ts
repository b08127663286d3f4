import { describe, expect, it } from 'vitest';
import { routeFor } from '$app/router.svelte';

describe('routeFor', () => {
  it.each([
    ['/', 'dashboard'],
    ['/clients', 'clients'],
    ['/clients/', 'clients'],
    ['/model', 'model'],
    ['/data', 'data'],
    ['/settings', 'settings'],
    ['/nowhere', 'not-found'],
    ['/clients/extra', 'not-found'],
  ])('%s → %s', (path, route) => {
    expect(routeFor(path)).toBe(route);
  });
});
