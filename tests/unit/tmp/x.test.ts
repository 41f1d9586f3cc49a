import { it } from 'vitest';
import { openWasmDuckDB } from '../support/wasm-duckdb';
it('types', async () => { const { conn, close } = await openWasmDuckDB();
const t = conn.query(`select 42::bigint b, 9007199254740993::bigint big, 12345678901234567890::ubigint ub, sum(x)::hugeint h, 1.25::decimal(10,2) d, 123456789012345678.1234::decimal(38,4) d38, date '2019-10-01' dt, timestamp '2019-10-01 00:00:03' ts, timestamptz '2019-10-01 00:00:03+00' tz, interval 3 day iv, [1,2] l, {'a':1} s, 'x'::enum_t e, true bo, 1.5::float f, 3::tinyint ti, 'a'::varchar v, uuid '550e8400-e29b-41d4-a716-446655440000' u, time '12:00:01' tm, blob 'ab' bl from (select 1::bigint x) group by all`.replace("'x'::enum_t e,", ""));
for (const f of t.schema.fields) { const v = t.getChildAt(t.schema.fields.indexOf(f))!.get(0); console.log(f.name, String(f.type), f.type.typeId, typeof v, v?.constructor?.name, String(v)); }
close(); });
