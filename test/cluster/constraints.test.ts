import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { loadConfig } from '../../src/config/load-config.js';
import { toAnalysisOptions } from '../../src/config/to-analysis-options.js';
import type { Analysis } from '../../src/types.js';
import { getFixturePath } from '../helpers/fixture-path.js';

const root = getFixturePath('config', 'pins-and-groups');
const servicesOf = (analysis: Analysis, folder: string) =>
  [...new Set(analysis.files.filter((file) => file.path.startsWith(folder)).map((file) => file.service))].sort();

describe('pins and keep-together groups', () => {
  it('without a config, clustering splits orders, billing and shipping three ways', async () => {
    const analysis = await analyze({ root, workers: false });
    const [orders] = servicesOf(analysis, 'src/orders/');
    const [shipping] = servicesOf(analysis, 'src/shipping/');
    expect(servicesOf(analysis, 'src/orders/')).toHaveLength(1);
    expect(servicesOf(analysis, 'src/shipping/')).toHaveLength(1);
    expect(orders).not.toBe(shipping);
    expect(servicesOf(analysis, 'src/billing/')).not.toEqual(['payments']);
  });

  it('puts pinned files in the named service and keeps a group in one service', async () => {
    const analysis = await analyze({ root, ...toAnalysisOptions(loadConfig(root).config), workers: false });
    const billing = analysis.files.filter((file) => file.path.startsWith('src/billing/'));
    expect(billing.map(({ service, placement, confidence }) => ({ service, placement, confidence }))).toEqual(
      billing.map(() => ({ service: 'payments', placement: 'pinned', confidence: 1 })),
    );
    const payments = analysis.services.find((service) => service.id === 'payments');
    expect(payments?.files).toEqual(billing.map((file) => file.path));
    const fulfilment = servicesOf(analysis, 'src/orders/');
    expect(fulfilment).toHaveLength(1);
    expect(servicesOf(analysis, 'src/shipping/')).toEqual(fulfilment);
    expect(analysis.services.map((service) => service.id).sort()).toEqual([fulfilment[0], 'payments'].sort());
  });

  it('renames a generated service with serviceNames, everywhere the id appears', async () => {
    const options = { root, ...toAnalysisOptions(loadConfig(root).config), workers: false };
    const [generated] = servicesOf(await analyze(options), 'src/orders/');
    const analysis = await analyze({ ...options, serviceNames: { [generated!]: 'fulfilment' } });
    expect(analysis.services.map((service) => [service.id, service.name]).sort()).toEqual([
      ['fulfilment', 'fulfilment'],
      ['payments', 'payments'],
    ]);
    expect(servicesOf(analysis, 'src/shipping/')).toEqual(['fulfilment']);
    expect(analysis.extractionOrder.map((step) => step.service).sort()).toEqual(['fulfilment', 'payments']);
  });

  it('refuses a rename onto the name of another service', async () => {
    const options = { root, ...toAnalysisOptions(loadConfig(root).config), workers: false };
    const [generated] = servicesOf(await analyze(options), 'src/orders/');
    await expect(analyze({ ...options, serviceNames: { [generated!]: 'payments' } })).rejects.toThrow(
      `serviceNames.${generated}: "payments" is already the name of another service`,
    );
  });
});
