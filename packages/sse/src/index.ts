export {
  openEventStream,
  wantsEventStream,
  EVENT_STREAM_TYPE,
  type EventStream,
  type EventStreamOptions,
  type SendOptions,
} from './event-stream';
export { streamEvents, errorEvent } from './stream-events';
