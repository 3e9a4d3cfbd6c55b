/**
 * The collection Mongoose picks for a model without one: the name lower-cased and pluralised. This is a simple
 * English plural (`Order` -> `orders`, `Category` -> `categories`, `Address` -> `addresses`); Mongoose's own
 * `pluralize` also knows irregular words (`Person` -> `people`), which a model then names with `collection`.
 */
export function defaultCollection(model: string): string {
  const name = model.toLowerCase();
  if (/[^aeiouy]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(?:ss|sh|ch|x)$/.test(name)) return `${name}es`;
  // Mongoose keeps a name that already ends in `s`: `Users` stays `users`.
  return name.endsWith('s') ? name : `${name}s`;
}
