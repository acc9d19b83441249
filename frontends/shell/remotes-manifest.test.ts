import { describe, expect, it } from 'vitest';
import { buildRemotesManifest } from './remotes-manifest.ts';

describe('buildRemotesManifest', () => {
  it('defaults to the local preview ports', () => {
    expect(buildRemotesManifest({})).toEqual({
      district: 'http://localhost:5174/remoteEntry.js',
      ward: 'http://localhost:5175/remoteEntry.js',
      cell: 'http://localhost:5176/remoteEntry.js',
    });
  });

  it('follows a remote that moved, ignoring a trailing slash', () => {
    const manifest = buildRemotesManifest({ CELL_URL: 'https://cell.example.vn/app/' });
    expect(manifest.cell).toBe('https://cell.example.vn/app/remoteEntry.js');
    expect(manifest.ward).toBe('http://localhost:5175/remoteEntry.js');
  });
});
