// One swc transform for every Node-side jest project: TypeScript with legacy decorators and
// emitted decorator metadata, which NestJS dependency injection and TypeORM entities rely on.
module.exports = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
