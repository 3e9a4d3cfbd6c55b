import type { ReportModel, ServiceCard } from '../src/report-model.ts';

/**
 * A plan of the size the HTML report must stay usable at: `services` services sharing `files` files,
 * each service depending on the next three (wrapping round, so there are cycles), and every file
 * named so a test can look one up: `src/svc-07/module-0123.service.ts`.
 */
export function largeModel(serviceCount = 40, fileCount = 2000): ReportModel {
  const id = (i: number) => `svc-${String(i).padStart(2, '0')}`;
  const links = Array.from({ length: serviceCount }, (_, i) =>
    [1, 2, 3].map((step) => ({
      from: id(i),
      to: id((i + step) % serviceCount),
      weight: 1 + ((i * 7 + step * 3) % 20),
    })),
  ).flat();
  const services: ServiceCard[] = Array.from({ length: serviceCount }, (_, i) => {
    const files = Array.from({ length: fileCount }, (_, f) => f)
      .filter((f) => f % serviceCount === i)
      .map((f) => ({
        path: `src/${id(i)}/module-${String(f).padStart(4, '0')}.service.ts`,
        loc: 20 + ((f * 37) % 400),
        confidence: 0.5 + ((f * 13) % 50) / 100,
      }));
    const inbound = links
      .filter((link) => link.to === id(i))
      .map((link) => ({ service: link.from, weight: link.weight }));
    const outbound = links
      .filter((link) => link.from === id(i))
      .map((link) => ({ service: link.to, weight: link.weight }));
    return {
      id: id(i),
      name: `Service ${i}`,
      files,
      loc: files.reduce((sum, file) => sum + file.loc, 0),
      confidence: 0.8,
      publicApi: files.slice(0, 3).map((file, n) => ({
        name: `api${n}`,
        file: file.path,
        callers: inbound.slice(0, 2).map((link) => `src/${link.service}/caller.ts`),
      })),
      inbound,
      outbound,
      cycles: [],
      sharedKernelUsed: ['src/shared/logger.ts'],
      blastRadius: { direct: inbound.map((link) => link.service), count: inbound.length, through: [] },
      metrics: { cohesion: 0.3, coupling: 0.4, apiSize: 3, interfaceFiles: 3 },
    };
  });
  return {
    title: 'Service boundaries of a large monolith',
    root: '/srv/monolith',
    generatedFrom: { graphFiles: fileCount + 1, planServices: serviceCount, signals: ['imports'] },
    metrics: {
      modularity: 0.3,
      structuralModularity: 0.1,
      icp: 0.4,
      ifn: 3,
      ned: 0,
      mq: 12,
      cohesion: 0.3,
      coupling: 0.4,
    },
    services,
    shared: [
      {
        path: 'src/shared/logger.ts',
        reason: `used by ${serviceCount} services`,
        usedBy: services.map((service) => service.id),
      },
    ],
    links,
    serviceCycles: [services.map((service) => service.id)],
    extractionOrder: services.map((service, i) => ({
      order: i + 1,
      service: service.id,
      reason: 'generated',
      effort: 'M',
      effortScore: 2,
    })),
  };
}
