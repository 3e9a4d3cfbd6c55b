// CommonJS read as well as ESM: export names from `module.exports` / `exports.x`, imported names from
// `require` destructuring and member reads, barrels of `require`s traced to the declaring files.
// The fixture is a layered Express app shaped like node-express-boilerplate; expectations written by hand.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Graph, analyzeFixture, edgesOf } from './graph-lines.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/commonjs/express-layers');

describe('commonjs: a layered Express app', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await analyzeFixture(FIXTURE);
  });

  it('gives every module.exports / exports shape its export names', () => {
    expect(Object.fromEntries(graph.files.map((f) => [f.path, [...f.exports].sort()]))).toEqual({
      // module.exports = app; module.exports.port = port
      'src/app.js': ['app', 'default', 'port'],
      // module.exports = { env: ..., port: ... }
      'src/config/config.js': ['env', 'port'],
      // exports.login = ...
      'src/controllers/auth.controller.js': ['login'],
      // module.exports = { createUser, getUsers, getUser, deleteUser }
      'src/controllers/user.controller.js': ['createUser', 'deleteUser', 'getUser', 'getUsers'],
      // module.exports = ReportJob (a class declared above)
      'src/jobs/report.job.js': ['ReportJob', 'default'],
      // module.exports = { ...require('./plugins'), User: require('./user.model') }
      'src/models/index.js': ['User', 'paginate', 'toJSON'],
      'src/models/plugins.js': ['paginate', 'toJSON'],
      'src/models/user.model.js': ['User', 'default'],
      'src/routes/v1/auth.route.js': ['default', 'router'],
      'src/routes/v1/index.js': ['default', 'router'],
      'src/routes/v1/user.route.js': ['default', 'router'],
      // module.exports = { loginUserWithEmailAndPassword }
      'src/services/auth.service.js': ['loginUserWithEmailAndPassword'],
      // module.exports.authService = require('./auth.service')
      'src/services/index.js': ['authService', 'userService'],
      // module.exports = { createUser, queryUsers, getUserById, deleteUserById: async () => ... }
      'src/services/user.service.js': ['createUser', 'deleteUserById', 'getUserById', 'queryUsers'],
      // module.exports = function catchAsync(fn) {}
      'src/utils/catchAsync.js': ['catchAsync', 'default'],
      // module.exports = require('./catchAsync'): everything but default
      'src/utils/index.js': ['catchAsync'],
    });
  });

  it('gives require edges the names read from them', () => {
    expect(edgesOf(graph)).toEqual([
      // require('./config/config').port
      'src/app.js -> src/config/config.js require [port]',
      'src/app.js -> src/routes/v1/index.js require [*]',
      // const { authService, userService } = require('../services')
      'src/controllers/auth.controller.js -> src/services/index.js require [authService,userService]',
      // const catchAsync = require(...); catchAsync(...): the whole module
      'src/controllers/auth.controller.js -> src/utils/catchAsync.js require [*]',
      'src/controllers/user.controller.js -> src/services/index.js require [userService]',
      'src/controllers/user.controller.js -> src/utils/catchAsync.js require [*]',
      'src/jobs/report.job.js -> src/utils/index.js require [catchAsync]',
      'src/models/index.js -> src/models/plugins.js require [*]',
      'src/models/index.js -> src/models/user.model.js require [*]',
      'src/models/user.model.js -> src/models/plugins.js require [paginate,toJSON]',
      'src/routes/v1/auth.route.js -> src/controllers/auth.controller.js require [login]',
      'src/routes/v1/index.js -> src/routes/v1/auth.route.js require [*]',
      'src/routes/v1/index.js -> src/routes/v1/user.route.js require [*]',
      // const userController = require(...); userController.createUser, .getUsers, ...
      'src/routes/v1/user.route.js -> src/controllers/user.controller.js require [createUser,deleteUser,getUser,getUsers]',
      // const { isPasswordMatch } = require('../models/user.model').methods: a member of the exported
      // model, not an export of the file, so what `import User from` records
      'src/services/auth.service.js -> src/models/user.model.js require [default]',
      'src/services/auth.service.js -> src/services/user.service.js require [getUserById]',
      'src/services/index.js -> src/services/auth.service.js require [*]',
      'src/services/index.js -> src/services/user.service.js require [*]',
      'src/services/user.service.js -> src/models/index.js require [User]',
      'src/utils/index.js -> src/utils/catchAsync.js require [*]',
    ]);
  });

  it('traces names through require barrels to the declaring files', () => {
    const providers = graph.edges.filter((e) => e.providers).map((e) => [e.from, e.providers]);
    expect(providers).toEqual([
      [
        'src/controllers/auth.controller.js',
        { authService: 'src/services/auth.service.js', userService: 'src/services/user.service.js' },
      ],
      ['src/controllers/user.controller.js', { userService: 'src/services/user.service.js' }],
      ['src/jobs/report.job.js', { catchAsync: 'src/utils/catchAsync.js' }],
      ['src/services/user.service.js', { User: 'src/models/user.model.js' }],
    ]);
  });
});
