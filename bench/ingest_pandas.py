# One timed pandas.read_csv for the ingest benchmark (bench/ingest.ts), in its own process: the
# numeric columns as float32, the text columns as categories (codes plus categories, as nnkit
# stores them). Prints a JSON line with the seconds the read took (wall and CPU), the shape and a
# checksum (the sum of the non-missing values of the numeric columns, as nnkit's side computes it).
#   python3 bench/ingest_pandas.py <file> [text column,text column...]
#   python3 bench/ingest_pandas.py --idle      imports pandas, reads nothing (peak memory baseline)
import json
import sys
import time

import numpy as np
import pandas as pd

path = sys.argv[1]
if path == '--idle':
    print(json.dumps({'seconds': 0, 'cpuSeconds': 0, 'rows': 0, 'columns': 0, 'checksum': 0, 'version': pd.__version__}))
    sys.exit(0)
text = [name for name in (sys.argv[2] if len(sys.argv) > 2 else '').split(',') if name]
started = time.perf_counter()
cpu = time.process_time()
# NOTE: a defaultdict-like mapping is not accepted by pandas 1.5, so the header is read first
# (one line) to give every column its type.
names = pd.read_csv(path, nrows=0).columns
dtype = {name: ('category' if name in text else np.float32) for name in names}
frame = pd.read_csv(path, dtype=dtype, engine='c')
seconds = time.perf_counter() - started
cpu_seconds = time.process_time() - cpu
checksum = 0.0
for name in names:
    if name in text or name == 'label':
        continue
    values = frame[name].to_numpy()
    checksum += float(np.nansum(values.astype(np.float64)))
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu_seconds, 'rows': len(frame), 'columns': len(names), 'checksum': checksum, 'version': pd.__version__}))
