/**
 * How dependency-cruiser reads TypeScript (TypeScript 7 has no JavaScript API it can use):
 * Babel strips the types, and before that every type-only import or re-export gets a
 * `require()` of the same module beside it, so that `import type` across a boundary is caught
 * too. Being a require, it stays apart from the value imports: the cycle rule skips it, since
 * a cycle through types alone does not change the order modules run in.
 */
function keepTypeOnlyImports({ types: t }) {
  const typeOnly = (node) =>
    (t.isImportDeclaration(node) &&
      (node.importKind === 'type' || node.specifiers.some((s) => s.importKind === 'type'))) ||
    ((t.isExportNamedDeclaration(node) || t.isExportAllDeclaration(node)) &&
      node.source &&
      (node.exportKind === 'type' || (node.specifiers ?? []).some((s) => s.exportKind === 'type')));
  return {
    name: 'keep-type-only-imports',
    visitor: {
      // On entering the program: the TypeScript preset drops type-only imports right there.
      Program(path) {
        for (const statement of path.get('body')) {
          if (typeOnly(statement.node)) {
            statement.insertAfter(
              t.expressionStatement(
                t.callExpression(t.identifier('require'), [
                  t.stringLiteral(statement.node.source.value),
                ]),
              ),
            );
          }
        }
      },
    },
  };
}

module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [keepTypeOnlyImports],
  presets: [['@babel/preset-typescript', { onlyRemoveTypeImports: true }]],
};
