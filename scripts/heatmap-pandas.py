#!/usr/bin/env python3
"""The response heatmap of a response-time export in pandas, for `npm run bench:compare`.

read_csv, to_datetime (naive timestamps read as UTC, or with --offsets timestamps with their offsets), then a vectorized groupby of weekday x 30-minute
slot of received_time with the count, the leads answered within 60 minutes and their percentage.
Prints the cells as JSON on stdout. Usage: python3 scripts/heatmap-pandas.py FILE [--offsets]
"""
import json
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1], usecols=["received_time", "first_contact_time"], dtype=str)
if "--offsets" in sys.argv:
    created = pd.to_datetime(df["received_time"], format="%Y-%m-%dT%H:%M:%S%z", utc=True)
    contact = pd.to_datetime(df["first_contact_time"], format="%Y-%m-%dT%H:%M:%S%z", utc=True)
else:
    created = pd.to_datetime(df["received_time"], format="%Y-%m-%d %H:%M:%S")
    contact = pd.to_datetime(df["first_contact_time"], format="%Y-%m-%d %H:%M:%S")
delay = contact - created
within = (delay >= pd.Timedelta(0)) & (delay <= pd.Timedelta(minutes=60))  # NaT compares False
frame = pd.DataFrame({
    "weekday": created.dt.weekday,
    "slot": (created.dt.hour * 60 + created.dt.minute) // 30,
    "within": within,
})
grouped = frame.groupby(["weekday", "slot"], sort=True)["within"].agg(total="size", within="sum").reset_index()
grouped["pct"] = grouped["within"] / grouped["total"] * 100
cells = [
    {"weekday": int(w), "slot": int(s), "total": int(t), "withinSla": int(n), "pctWithinSla": float(p)}
    for w, s, t, n, p in zip(grouped["weekday"], grouped["slot"], grouped["total"], grouped["within"], grouped["pct"])
]
sys.stdout.write(json.dumps(cells) + "\n")
