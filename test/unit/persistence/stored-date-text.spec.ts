import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { StoredDateText } from '../../../core/persistence/stores/bulk-rows/stored-date-text';

describe('a date bound to a statement', () => {
  it('is the text Sequelize writes for a DATE on SQLite, which reads and IN lists compare with', async () => {
    const database = new Database({ url: 'sqlite::memory:' });
    const sequelize = database.sequelize;
    try {
      const dates = new StoredDateText();
      for (const date of [new Date('2025-03-01T00:00:00Z'), new Date('2025-12-31T23:59:59.007Z'), new Date('1999-01-02T03:04:05.600Z')]) {
        expect(`'${dates.of(date)}'`).to.equal(sequelize.escape(date as unknown as string));
      }
    } finally {
      await database.close();
    }
  });
});
