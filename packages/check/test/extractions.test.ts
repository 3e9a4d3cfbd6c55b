import { describe, expect, it } from 'vitest';
import { extractionsOf } from '../src/extractions.ts';

const manifest = (service: string) => JSON.stringify({ version: 1, service, plan: 'seams.plan.json', entries: [] });

describe('extractionsOf', () => {
  it('finds the folders whose extraction.json is extract’s manifest, and nothing else of that name', () => {
    const disk = new Map([
      ['extracted/payment/extraction.json', manifest('payment')],
      ['tools/extraction.json', '{"steps": []}'],
      ['broken/extraction.json', '{'],
      ['extraction.json', manifest('root')],
    ]);
    const files = [
      'extracted/payment/facade/payment.facade.ts',
      'extracted/payment/service/src/main.ts',
      'tools/run.ts',
      'broken/a.ts',
      'top.ts',
    ];
    expect(extractionsOf(files, (path) => disk.get(path))).toEqual([
      { folder: 'extracted/payment', service: 'payment' },
    ]);
  });
});
