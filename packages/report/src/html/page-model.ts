import type { ReportModel } from '../report-model.ts';

/**
 * What the page's script reads, embedded in the page: the services (in card order, with their files
 * as [path, lines, confidence]), the links between them and the shared-kernel files. It is all the
 * script needs to draw the map, find files and fill a card's per-file detail when the card opens,
 * so the page itself carries each card's summary only. On a 10k-file plan the whole report model
 * (every card's transitive blast radius and cycles, every file twice) made pages of 60 MB.
 */
export interface PageModel {
  services: Array<{ id: string; name: string; files: Array<[path: string, loc: number, confidence: number]> }>;
  links: ReportModel['links'];
  shared: string[];
  /** Files below this confidence are flagged for review. */
  lowConfidence: number;
}

export function pageModel(model: ReportModel): PageModel {
  return {
    services: model.services.map((card) => ({
      id: card.id,
      name: card.name,
      files: card.files.map((file) => [file.path, file.loc, file.confidence]),
    })),
    links: model.links,
    shared: model.shared.map((file) => file.path),
    lowConfidence: model.generatedFrom.lowConfidence ?? 0,
  };
}
