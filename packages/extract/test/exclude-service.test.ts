// excludeServiceEdit over in-memory tsconfigs: when the monolith's compilation would take in the generated
// service's folder, and the text edit that leaves it out. Expectations worked out by hand from each file.
import { describe, expect, it } from 'vitest';
import { excludeServiceEdit, withOwnExclude } from '../src/toolchain/exclude-service.ts';

const SERVICE = 'extracted/users/service';

function edited(files: Record<string, string>, tsconfig: string | undefined = 'tsconfig.json', service = SERVICE) {
  return excludeServiceEdit(tsconfig, service, (path) => {
    if (files[path] === undefined) throw new Error(`ENOENT ${path}`);
    return files[path];
  })?.after;
}

describe('excludeServiceEdit', () => {
  it('no include nor files: every file compiles, so the defaults and the service folder become its exclude', () => {
    const text = '{\n\t// settings\n\t"compilerOptions": { "outDir": "./dist", "module": "NodeNext" }\n}\n';
    expect(edited({ 'tsconfig.json': text })).toBe(
      '{\n\t// settings\n\t"compilerOptions": { "outDir": "./dist", "module": "NodeNext" },\n' +
        '\t"exclude": ["node_modules", "bower_components", "jspm_packages", "dist", "extracted/users/service"]\n}\n',
    );
  });

  it('an exclude list it has: the service folder joins it, the rest of the text as it was', () => {
    const text = '{\n  "compilerOptions": {},\n  "exclude": [\n    "node_modules", // deps\n    "dist"\n  ]\n}\n';
    expect(edited({ 'tsconfig.json': text })).toBe(
      '{\n  "compilerOptions": {},\n  "exclude": [\n    "extracted/users/service",\n    "node_modules", // deps\n' +
        '    "dist"\n  ]\n}\n',
    );
    expect(edited({ 'tsconfig.json': '{ "include": ["**/*.ts"], "exclude": [] }' })).toBe(
      '{ "include": ["**/*.ts"], "exclude": ["extracted/users/service"] }',
    );
  });

  it('a tsconfig in a subfolder: the folder relative to it', () => {
    expect(edited({ 'app/tsconfig.json': '{}' }, 'app/tsconfig.json', 'app/extracted/users/service')).toBe(
      '{\n  "exclude": ["node_modules", "bower_components", "jspm_packages", "extracted/users/service"]\n}',
    );
  });

  it('nothing to do where the service is out of scope or left out already', () => {
    // An include of src only, files only, an exclude of the whole extracted folder, a service outside the config's folder.
    expect(edited({ 'tsconfig.json': '{ "include": ["src/**/*"] }' })).toBeUndefined();
    expect(edited({ 'tsconfig.json': '{ "files": ["src/main.ts"] }' })).toBeUndefined();
    expect(edited({ 'tsconfig.json': '{ "exclude": ["extracted/**"] }' })).toBeUndefined();
    expect(edited({ 'tsconfig.json': '{ "exclude": ["./extracted"] }' })).toBeUndefined();
    expect(edited({ 'app/tsconfig.json': '{}' }, 'app/tsconfig.json', 'extracted/users/service')).toBeUndefined();
    // An include of the facades only (the injected-provider shape): the service's folder is not among them.
    expect(edited({ 'tsconfig.json': '{ "include": ["src", "extracted/*/facade"] }' })).toBeUndefined();
    expect(edited({ 'tsconfig.json': '{ "include": ["extracted/*/service"] }' })).toContain(
      '"extracted/users/service"',
    );
  });

  it('an exclude of some files under it still compiles the service: the folder is added', () => {
    expect(edited({ 'tsconfig.json': '{ "exclude": ["**/*.spec.ts"] }' })).toBe(
      '{ "exclude": ["extracted/users/service", "**/*.spec.ts"] }',
    );
  });

  it('include or exclude inherited through extends, no tsconfig, or one that does not parse: left alone', () => {
    expect(edited({ 'tsconfig.json': '{ "extends": "./base.json" }', 'base.json': '{}' })).toBeUndefined();
    expect(edited({}, undefined)).toBeUndefined();
    expect(edited({})).toBeUndefined();
    expect(edited({ 'tsconfig.json': '{ "compilerOptions": ' })).toBeUndefined();
  });

  it("the service's own tsconfig gets an exclude of its own, so it does not inherit the one naming its folder", () => {
    const service = '{\n  "extends": "../../../tsconfig.json",\n  "include": ["src"]\n}\n';
    expect(withOwnExclude(service)).toBe(
      '{\n  "extends": "../../../tsconfig.json",\n  "include": [\n    "src"\n  ],\n  "exclude": [\n    "node_modules"\n  ]\n}\n',
    );
    const own = '{ "include": ["src"], "exclude": ["dist"] }';
    expect(withOwnExclude(own)).toBe(own);
  });
});
