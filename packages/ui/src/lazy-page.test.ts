import { describe, expect, it } from 'vitest';
import { lazyPage, preloadPageFor, type PageRoute } from './lazy-page.ts';

/** Pages whose loads are counted, to see which one the address preloads. */
function pages() {
  const loads: string[] = [];
  const page = (name: string) =>
    lazyPage(() => {
      loads.push(name);
      return Promise.resolve({ default: () => null });
    });
  const routes: PageRoute[] = [
    { page: page('home') },
    { path: 'members', page: page('members') },
    { path: 'members/:memberId', page: page('member') },
    { path: 'meetings/new', page: page('new meeting') },
    { path: 'meetings/:meetingId', page: page('meeting') },
    { path: 'grading/*', page: page('grading') },
  ];
  return { loads, routes };
}

describe('preloadPageFor', () => {
  it.each([
    ['/cell/u1', 'home'],
    ['/u1', 'home'],
    ['/cell/u1/members', 'members'],
    ['/u1/members/m7', 'member'],
    ['/cell/u1/meetings/new', 'new meeting'],
    ['/cell/u1/meetings/x9', 'meeting'],
    ['/ward/w1/grading/2026', 'grading'],
  ])('loads the page %s names, in the shell or standalone', async (pathname, expected) => {
    const { loads, routes } = pages();
    await preloadPageFor(routes, pathname);
    expect(loads).toEqual([expected]);
  });

  it('loads nothing for an address no page has', async () => {
    const { loads, routes } = pages();
    await preloadPageFor(routes, '/cell/u1/nothing/here');
    expect(loads).toEqual([]);
  });

  it('loads a page once, however often it is asked for', async () => {
    const { loads, routes } = pages();
    await preloadPageFor(routes, '/u1/members');
    await preloadPageFor(routes, '/cell/u1/members');
    expect(loads).toEqual(['members']);
  });
});
