"""Claims into a DataFrame of (person, line): what each task hands to `policy batch`.

JSON Lines are kept as written, byte for byte: the person is read from the line
(get_json_object) only to sort by. CSV rows are kept as written too (batch reads them with its
own CSV reader, from a file per task, under the file's header). Parquet rows become JSON objects
(to_json; decimals as their exact text, timestamps as "yyyy-MM-dd HH:mm:ss", null fields left
out).
"""

import os

from pyspark.sql import functions as F
from pyspark.sql import types as T

PERSON_FIELD = {'contract': 'personId', 'nhsa': 'psn_no'}
ID_FIELD = {'contract': 'id', 'nhsa': 'setl_id'}


class InputError(ValueError):
    """Bad input, said in a sentence naming the file."""


def file_type(path, given):
    """csv, jsonl or parquet: as given, else by the name's extension (a folder: by its files')."""
    if given:
        return given
    name = path.rstrip('/')
    if os.path.isdir(name):
        exts = {os.path.splitext(f)[1].lower() for f in os.listdir(name) if not f.startswith(('.', '_'))}
        exts.discard('')
        if len(exts) == 1:
            name = 'x' + exts.pop()
    ext = os.path.splitext(name)[1].lower()
    if ext == '.csv':
        return 'csv'
    if ext in ('.jsonl', '.ndjson', '.json'):
        return 'jsonl'
    if ext == '.parquet':
        return 'parquet'
    raise InputError(f'{path}: cannot tell CSV, JSON Lines or Parquet from its name; say --in-type csv|jsonl|parquet')


def detect_shape(keys):
    """batch's rule (packages/engine/src/nhsa/detect.ts): the platform's shape when it has
    setl_id or medfee_sumamt and neither id nor total; the contract's otherwise."""
    has = set(keys)
    if 'id' in has or 'total' in has:
        return 'contract'
    return 'nhsa' if ('setl_id' in has or 'medfee_sumamt' in has) else 'contract'


def read_claims(spark, path, kind, shape):
    """Returns (DataFrame[person, id, line], shape, csv_header or None)."""
    if kind == 'jsonl':
        return _read_jsonl(spark, path, shape)
    if kind == 'csv':
        return _read_csv(spark, path, shape)
    return _read_parquet(spark, path, shape)


def _read_jsonl(spark, path, shape):
    lines = spark.read.text(path).withColumnRenamed('value', 'line')
    if shape == 'auto':
        shape = _shape_of_json(lines)
    person = F.get_json_object('line', f'$.{PERSON_FIELD[shape]}')
    rid = F.get_json_object('line', f'$.{ID_FIELD[shape]}')
    return lines.select(person.alias('person'), rid.alias('id'), 'line'), shape, None


def _shape_of_json(lines):
    # Like batch: the keys of the first line that is a JSON object (here: of the first partition).
    first = lines.select(F.json_object_keys('line').alias('keys')).where(F.col('keys').isNotNull()).first()
    return detect_shape(first['keys']) if first else 'contract'


def _read_csv(spark, path, shape):
    lines = spark.read.text(path).withColumnRenamed('value', 'line')
    header = spark.sparkContext.textFile(path).first() if lines.head(1) else ''
    names = [n.strip().strip('"') for n in header.lstrip('\ufeff').split(',')]
    files = lines.select(F.input_file_name().alias('f')).distinct().count()
    headers = lines.where(F.col('line') == header).count()
    if headers != files:
        raise InputError(f'{path}: {files} CSV file(s) but {headers} line(s) equal to the header {header!r}: '
                         'every file must begin with that same header line')
    # A quoted cell holding a line break would be cut in two by the line reader: refuse it.
    quotes = F.length('line') - F.length(F.regexp_replace('line', '"', ''))
    broken = lines.where(quotes % 2 == 1).select('line').first()
    if broken is not None:
        raise InputError(f'{path}: a quoted cell holds a line break (line starting {broken["line"][:60]!r}): '
                         'convert the file to JSON Lines or Parquet first')
    if shape == 'auto':
        shape = detect_shape(names)
    rows = lines.where(F.col('line') != header)
    schema = ', '.join(f'c{i} STRING' for i in range(len(names)))
    parsed = F.from_csv('line', schema, {'quote': '"', 'escape': '"', 'mode': 'PERMISSIVE'})

    def cell(field):
        # A missing column: every row is rejected by batch (personId and id are required).
        return parsed.getField(f'c{names.index(field)}') if field in names else F.lit(None).cast('string')

    return rows.select(cell(PERSON_FIELD[shape]).alias('person'), cell(ID_FIELD[shape]).alias('id'), 'line'), shape, header


def _read_parquet(spark, path, shape):
    df = spark.read.parquet(path)
    if shape == 'auto':
        shape = detect_shape(df.columns)
    cols = []
    for f in df.schema.fields:
        c = F.col(f'`{f.name}`')
        if isinstance(f.dataType, T.DecimalType):
            c = c.cast('string')
        elif isinstance(f.dataType, T.TimestampType):
            c = F.date_format(c, 'yyyy-MM-dd HH:mm:ss')
        cols.append(c.alias(f.name))
    def column(field):
        return F.col(f'`{field}`').cast('string') if field in df.columns else F.lit(None).cast('string')

    return df.select(column(PERSON_FIELD[shape]).alias('person'), column(ID_FIELD[shape]).alias('id'),
                     F.to_json(F.struct(*cols)).alias('line')), shape, None


def ids_of_several_persons(claims, limit=5):
    """Ids used by records of more than one person. batch over a whole file rejects the later
    record; per partition (`--presorted`) an id is checked only within its person, so the job
    refuses such input instead of settling both."""
    rows = (claims.where(F.col('id').isNotNull() & F.col('person').isNotNull())
            .groupBy('id').agg(F.countDistinct('person').alias('n'), F.sort_array(F.collect_set('person')).alias('persons'))
            .where(F.col('n') > 1).orderBy('id').limit(limit).collect())
    return [(r['id'], r['persons'][:3]) for r in rows]
