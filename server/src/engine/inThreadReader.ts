// The scan's reader when no other thread parses: the host reads each file and the engine parses it on its own
// thread. Tests and MemoryHost use it, and so does a front end told to use no workers.

import { CorpusFileRead, CorpusFileReader, WorkspaceHost } from './host';

export class InThreadCorpusFileReader implements CorpusFileReader {
  constructor(private readonly host: WorkspaceHost) {}

  async *readCorpusFiles(uris: readonly string[], maxBytes: number): AsyncIterable<CorpusFileRead> {
    for (const uri of uris) yield await this.host.readText(uri, maxBytes);
  }
}
