"""scikit-learn's HistGradientBoostingClassifier on the feature tables written by compare.ts.

/usr/bin/python3 hgb_reference.py TRAIN.csv TEST.csv [--max-leaf-nodes 31] [--learning-rate 0.1]
    [--l2 0] [--min-samples-leaf 20] [--max-iter 100] [--validation-fraction 0.1]
    [--n-iter-no-change 10] [--no-early-stopping] [--seed 1]

Prints one JSON object: auc, pr_auc, seconds (fit only, wall clock), cpu_seconds (of all its
threads), n_iter, n_train, n_test, sklearn.
CSV columns: id, label, then the features; an empty field is a missing value.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score


def read(path):
    table = pd.read_csv(path, dtype=np.float64)
    y = table["label"].to_numpy().astype(np.int8)
    x = table.drop(columns=["id", "label"]).to_numpy(dtype=np.float64)
    return x, y


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("train")
    parser.add_argument("test")
    parser.add_argument("--max-leaf-nodes", type=int, default=31)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=0.0)
    parser.add_argument("--min-samples-leaf", type=int, default=20)
    parser.add_argument("--max-iter", type=int, default=100)
    parser.add_argument("--validation-fraction", type=float, default=0.1)
    parser.add_argument("--n-iter-no-change", type=int, default=10)
    parser.add_argument("--no-early-stopping", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    x_train, y_train = read(args.train)
    x_test, y_test = read(args.test)
    model = HistGradientBoostingClassifier(
        loss="log_loss",
        max_leaf_nodes=args.max_leaf_nodes,
        learning_rate=args.learning_rate,
        l2_regularization=args.l2,
        min_samples_leaf=args.min_samples_leaf,
        max_iter=args.max_iter,
        max_bins=255,
        early_stopping=not args.no_early_stopping,
        validation_fraction=args.validation_fraction,
        n_iter_no_change=args.n_iter_no_change,
        scoring="loss",
        random_state=args.seed,
    )
    started = time.perf_counter()
    cpu_started = time.process_time()
    model.fit(x_train, y_train)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    scores = model.predict_proba(x_test)[:, 1]
    json.dump(
        {
            # Undefined (null) when the test users are all of one class, as in our metrics.
            "auc": roc_auc_score(y_test, scores) if len(set(y_test)) == 2 else None,
            "pr_auc": average_precision_score(y_test, scores) if y_test.any() else None,
            "seconds": seconds,
            "cpu_seconds": cpu_seconds,
            "n_iter": int(model.n_iter_),
            "n_train": int(len(y_train)),
            "n_test": int(len(y_test)),
            "sklearn": sklearn.__version__,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
