import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import { backupMeterSource, dropPlugin, meterManifest, temporaryPluginsDir } from '../../support/plugin-folders';
import { startTestServer, wapHeaders } from '../../support/test-server';

describe('plugins installed as npm packages', () => {
  it('loads a package whose package.json names its plugin.json, and ignores other packages', async () => {
    const nodeModules = temporaryPluginsDir();
    const pkg = dropPlugin(nodeModules, path.join('@acme', 'wap-backup-meter'), meterManifest({ id: 'meter.acme-backup' }), backupMeterSource);
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@acme/wap-backup-meter', version: '1.0.0', 'wap-billing-plugin': 'plugin.json' }));
    const unrelated = path.join(nodeModules, 'left-pad');
    fs.mkdirSync(unrelated);
    fs.writeFileSync(path.join(unrelated, 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.3.0' }));

    const server = await startTestServer({}, { packageFolders: [nodeModules] });
    try {
      const res = await fetch(`${server.url}/admin/plugins`, { headers: wapHeaders() });
      const items = ((await res.json()) as { items: { id: string; origin: string; state: string }[] }).items;
      expect(items.find((p) => p.id === 'meter.acme-backup')).to.include({ origin: 'package', state: 'enabled' });
      expect(items.map((p) => p.id)).not.to.include('left-pad');
      expect(server.container.get(MeterRegistry).meter('backup.stored-gb')?.displayName).to.equal('Backup storage');
    } finally {
      await server.close();
    }
  });
});
