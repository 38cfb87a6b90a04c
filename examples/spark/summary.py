"""The job's summary: the partitions' `--summary-json` added up, money in whole fen (integers).

Each partition's summary writes amounts as yuan with exactly two decimals ("14638.56"); they are
read as whole fen (1463856), added as Python integers (exact at any size) and written back the
same way. Nothing here is a float.
"""

import re

MONEY = re.compile(r'^(-?)(\d+)\.(\d{2})$')

COUNTS = ('records', 'settled', 'rejected', 'fixedPointClaims', 'decimalClaims')


def fen_of(text):
    m = MONEY.match(text)
    if m is None:
        raise ValueError(f'not an amount with two decimals: {text!r}')
    fen = int(m.group(2)) * 100 + int(m.group(3))
    return -fen if m.group(1) else fen


def fen_text(fen):
    sign = '-' if fen < 0 else ''
    digits = str(abs(fen)).rjust(3, '0')
    return f'{sign}{digits[:-2]}.{digits[-2:]}'


def merge(parts, partitions, extra=None):
    """Adds up the partitions' summaries. `partitions`: how many the job had (empty ones included)."""
    parts = sorted(parts, key=lambda p: p['partition'])
    counts = {k: sum(p[k] for p in parts) for k in COUNTS}
    layers = {}
    for p in parts:
        for name, amount in p['layers'].items():
            layers[name] = layers.get(name, 0) + fen_of(amount)
    total = sum(fen_of(p['total']) for p in parts)
    engines = sorted({p['engine'] for p in parts})
    out = {
        'policy': parts[0]['policy'] if parts else None,
        **counts,
        'balanced': counts['records'] == counts['settled'] + counts['rejected'] and all(p['balanced'] for p in parts),
        'total': fen_text(total),
        'layers': {name: fen_text(v) for name, v in layers.items()},
        'engine': engines[0] if len(engines) == 1 else ('mixed' if engines else None),
        'versions': parts[0]['versions'] if parts else [],
        'inFormat': parts[0].get('inFormat') if parts else None,
        'partitions': partitions,
        'partitionsRun': len(parts),
        'perPartition': [
            {'partition': p['partition'], 'records': p['records'], 'settled': p['settled'],
             'rejected': p['rejected'], 'seconds': p['seconds']}
            for p in parts
        ],
    }
    if extra:
        out.update(extra)
    return out
