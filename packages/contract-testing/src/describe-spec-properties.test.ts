import { goodPlugin } from '../test/fixtures/plugins';
import { shelfModel } from '../test/fixtures/shelf-model';
import { shelfPlugin } from '../test/fixtures/shelf-plugins';
import { describeSpecProperties } from './describe-spec-properties';

describeSpecProperties('a read-only plugin that keeps its spec', { createApp: goodPlugin });
describeSpecProperties('a writable plugin that keeps its spec', {
  createApp: () => shelfPlugin(),
  model: shelfModel,
});
