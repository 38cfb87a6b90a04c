-- Settle JSON Lines claims with Spark SQL alone: TRANSFORM … USING runs `policy batch` over each
-- partition (docs/spark.md, "Spark SQL"). Replace ${claims}, ${node}, ${cli} and ${policy} by
-- absolute paths (spark-sql -d name=value … or string substitution); examples/spark/test_spark.py
-- runs this very file.
--
-- DISTRIBUTE BY puts every record of a person in one partition; SORT BY orders each partition by
-- person (strings compare by their UTF-8 bytes: the code-point order --presorted checks), then by
-- the line itself, so that a retried task reads the same lines in the same order. --rejects -
-- writes rejection lines on the same standard output ({"line":…, "error":…}); --exit-zero keeps
-- a rejection from failing the task (Spark fails a task whose script exits non-zero).

CREATE OR REPLACE TEMPORARY VIEW claims AS
SELECT value AS line, get_json_object(value, '$.personId') AS person
FROM text.`${claims}`;

CREATE OR REPLACE TEMPORARY VIEW settled AS
SELECT TRANSFORM (line)
  USING '${node} ${cli} batch --policy ${policy} --presorted --in - --out - --rejects - --exit-zero --workers 1'
  AS (out STRING)
FROM (SELECT line FROM claims DISTRIBUTE BY person SORT BY person, line) AS by_person;

-- Settlements: every line that is not a rejection.
CREATE OR REPLACE TEMPORARY VIEW settlements AS
SELECT out AS line FROM settled WHERE out NOT LIKE '{"line":%';

-- Rejections, with their reasons.
CREATE OR REPLACE TEMPORARY VIEW rejects AS
SELECT out AS line FROM settled WHERE out LIKE '{"line":%';

-- Per-layer totals in exact decimals (DECIMAL(38,2), never a float), e.g.:
-- SELECT count(*) AS settled,
--        sum(CAST(get_json_object(line, '$.total') AS DECIMAL(38,2))) AS total,
--        sum(CAST(get_json_object(line, '$.layers.basic') AS DECIMAL(38,2))) AS basic
-- FROM settlements;
