import type { ReportModel } from '../report-model.ts';

/**
 * What the page's script reads, embedded in the page: the services (in card order, with their files
 * as [path, lines, confidence] and their public API), the links between them and the shared-kernel
 * files. It is all the script needs to draw the map, find files and fill a card's per-file detail
 * (files and public API tables) when the card opens, so the page itself carries each card's summary only. On a 10k-file
 * plan the whole report model (every card's transitive blast radius and cycles, every file twice) made pages of 60 MB.
 */
export interface PageModel {
  services: Array<{
    id: string;
    name: string;
    files: Array<[path: string, loc: number, confidence: number]>;
    /**
     * Its public API: each name with the file declaring it and the files calling it, as numbers of
     * service files (counting through every service's `files` in order), and 1 when only types use it.
     */
    api: Array<[name: string, file: number, callers: number[], typeOnly: 0 | 1]>;
  }>;
  links: ReportModel['links'];
  /** Files the API refers to that are in no service, numbered after all service files. */
  otherFiles: string[];
  shared: string[];
  /** Files below this confidence are flagged for review. */
  lowConfidence: number;
}

export function pageModel(model: ReportModel): PageModel {
  const number = new Map<string, number>();
  for (const card of model.services) for (const file of card.files) number.set(file.path, number.size);
  // Every declaring and calling file is a service file; a path that is not (a hand-made model) is added.
  const extra: string[] = [];
  const numberOf = (path: string) => {
    let at = number.get(path);
    if (at === undefined) {
      at = number.size;
      number.set(path, at);
      extra.push(path);
    }
    return at;
  };
  const services = model.services.map((card) => ({
    id: card.id,
    name: card.name,
    files: card.files.map((file): [string, number, number] => [file.path, file.loc, file.confidence]),
    api: card.publicApi.map((api): [string, number, number[], 0 | 1] => [
      api.name,
      numberOf(api.file),
      api.callers.map(numberOf),
      api.typeOnly ? 1 : 0,
    ]),
  }));
  return {
    services,
    otherFiles: extra,
    links: model.links,
    shared: model.shared.map((file) => file.path),
    lowConfidence: model.generatedFrom.lowConfidence ?? 0,
  };
}
