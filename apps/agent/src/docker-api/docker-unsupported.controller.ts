/**
 * The parts of the Docker Engine API that Berth does not do, answered 501 with a message naming
 * the feature, so a client says what is missing instead of "page not found". (BuildKit's
 * `/session` and `/grpc` are refused by the build routes, naming DOCKER_BUILDKIT=0.)
 */
import { All, Controller, NotImplementedException } from '@nestjs/common';

/** The features, by the message their routes answer. */
export const UNSUPPORTED = {
  plugins: 'plugins (/plugins) are not implemented by Berth',
  checkpoints: 'checkpoints (/containers/{id}/checkpoints) are not implemented by Berth',
  distribution: 'registry lookups (/distribution/{name}/json) are not implemented by Berth',
  update:
    'changing a container in place (docker update, /containers/{id}/update) is not implemented by Berth: remove it and run it again with the new settings',
  websocket:
    'attaching over a WebSocket (/containers/{id}/attach/ws) is not implemented by Berth: attach over HTTP',
} as const;

const refuse = (feature: keyof typeof UNSUPPORTED) => {
  throw new NotImplementedException(UNSUPPORTED[feature]);
};

@Controller()
export class DockerUnsupportedController {
  @All(['plugins', 'plugins/*'])
  plugins(): never {
    return refuse('plugins');
  }

  @All(['containers/:id/checkpoints', 'containers/:id/checkpoints/*'])
  checkpoints(): never {
    return refuse('checkpoints');
  }

  @All('containers/:id/update')
  update(): never {
    return refuse('update');
  }

  @All('containers/:id/attach/ws')
  websocket(): never {
    return refuse('websocket');
  }

  @All('distribution/*')
  distribution(): never {
    return refuse('distribution');
  }
}
