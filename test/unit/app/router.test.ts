import { describe, expect, it } from 'vitest';
import { clientIdFor, routeFor } from '$app/routes';

describe('routeFor', () => {
  it.each([
    ['/', 'today'],
    ['/dashboard', 'dashboard'],
    ['/clients', 'clients'],
    ['/clients/', 'clients'],
    ['/model', 'model'],
    ['/data', 'data'],
    ['/settings', 'settings'],
    ['/nowhere', 'not-found'],
    ['/clients/abc-123', 'client'],
    ['/clients/abc/extra', 'not-found'],
    ['/clients/%E0%A4%A', 'not-found'],
    ['/constructor', 'not-found'],
    ['/toString', 'not-found'],
  ])('%s → %s', (path, route) => {
    expect(routeFor(path)).toBe(route);
  });
});

describe('clientIdFor', () => {
  it('reads the client id of a client path', () => {
    expect(clientIdFor('/clients/abc-123')).toBe('abc-123');
    expect(clientIdFor('/clients/%E7%8E%8B')).toBe('王');
    expect(clientIdFor('/clients')).toBeNull();
    expect(clientIdFor('/clients/%E0%A4%A')).toBeNull();
  });
});
