import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback to a Redis server's `url` that can lose an answer: after
 * `loseNextAnswer()`, the next bytes the server sends are dropped and the client's connection is
 * cut, so the command they answer has run but its client cannot know. Later connections pass.
 */
export async function answerLosingProxy(url: string) {
  const target = Number(new URL(url).port);
  const sockets = new Set<Socket>();
  let loseNext = false;
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    const cut = () => (client.destroy(), upstream.destroy());
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', cut).on('error', cut);
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!loseNext) return void client.write(chunk);
      loseNext = false;
      cut();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    loseNextAnswer: () => void (loseNext = true),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
