"""The Python side of `npm run bench -- e2e` (bench/e2e.ts): the work of `nnkit train` and
`nnkit predict` done with pandas + scikit-learn + PyTorch as a user would write it.

    python3 bench/e2e_python.py train <data.csv> <model_dir> <epochs> <hidden, e.g. 64,32>
    python3 bench/e2e_python.py predict <data.csv> <model_dir> <out.csv>

train: read_csv; stratified, seeded split (test 0.2, validation 0.25 of the rest); StandardScaler
fitted on the training rows; an MLP (relu hidden layers, dropout 0.2, sigmoid output) trained
with Adam (lr 1e-3), batch 32, shuffled, keeping the weights of the best validation loss; the
threshold that maximizes F1 on the validation rows; ROC AUC, F1, precision, recall and accuracy
on the test rows; the model and the scaler saved. predict: read_csv, scale, the model's
probability of class 1 and the class by the threshold, written with to_csv.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import (accuracy_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 42


def network(features, hidden):
    layers, width = [], features
    for units in hidden:
        layers += [torch.nn.Linear(width, units), torch.nn.ReLU(), torch.nn.Dropout(0.2)]
        width = units
    layers += [torch.nn.Linear(width, 1)]
    return torch.nn.Sequential(*layers)


def train(path, folder, epochs, hidden):
    torch.manual_seed(SEED)
    frame = pd.read_csv(path)
    y = frame.pop('label').to_numpy(np.float32)
    x = frame.to_numpy(np.float32)
    rest_x, test_x, rest_y, test_y = train_test_split(x, y, test_size=0.2, stratify=y, random_state=SEED)
    train_x, val_x, train_y, val_y = train_test_split(rest_x, rest_y, test_size=0.25, stratify=rest_y, random_state=SEED)
    scaler = StandardScaler().fit(train_x)
    train_t = torch.from_numpy(scaler.transform(train_x).astype(np.float32))
    val_t = torch.from_numpy(scaler.transform(val_x).astype(np.float32))
    test_t = torch.from_numpy(scaler.transform(test_x).astype(np.float32))
    train_yt = torch.from_numpy(train_y).unsqueeze(1)
    val_yt = torch.from_numpy(val_y).unsqueeze(1)
    model = network(x.shape[1], hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    best, best_state = float('inf'), None
    for _ in range(epochs):
        model.train()
        order = torch.randperm(len(train_t))
        for start in range(0, len(order), 32):
            rows = order[start:start + 32]
            optimizer.zero_grad()
            loss = loss_fn(model(train_t[rows]), train_yt[rows])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(val_t), val_yt).item()
        if val_loss < best:
            best, best_state = val_loss, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    with torch.no_grad():
        val_p = torch.sigmoid(model(val_t)).numpy().ravel()
        test_p = torch.sigmoid(model(test_t)).numpy().ravel()
    precision, recall, thresholds = precision_recall_curve(val_y, val_p)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    threshold = float(thresholds[np.argmax(f1[:-1])])
    test_class = (test_p > threshold).astype(int)
    metrics = {
        'auc': roc_auc_score(test_y, test_p), 'f1': f1_score(test_y, test_class),
        'precision': precision_score(test_y, test_class), 'recall': recall_score(test_y, test_class),
        'accuracy': accuracy_score(test_y, test_class), 'threshold': threshold,
    }
    os.makedirs(folder, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(folder, 'model.pt'))
    with open(os.path.join(folder, 'pipeline.json'), 'w') as f:
        json.dump({'mean': scaler.mean_.tolist(), 'scale': scaler.scale_.tolist(), 'hidden': hidden,
                   'columns': list(frame.columns), 'metrics': metrics}, f)
    print(json.dumps(metrics))


def predict(path, folder, out):
    with open(os.path.join(folder, 'pipeline.json')) as f:
        pipeline = json.load(f)
    model = network(len(pipeline['columns']), pipeline['hidden'])
    model.load_state_dict(torch.load(os.path.join(folder, 'model.pt')))
    model.eval()
    frame = pd.read_csv(path)
    x = frame[pipeline['columns']].to_numpy(np.float32)
    x = (x - np.array(pipeline['mean'], np.float32)) / np.array(pipeline['scale'], np.float32)
    with torch.no_grad():
        p = torch.sigmoid(model(torch.from_numpy(x))).numpy().ravel()
    threshold = pipeline['metrics']['threshold']
    pd.DataFrame({'probability_1': p, 'class': (p > threshold).astype(int)}).to_csv(out, index=False)


if __name__ == '__main__':
    if sys.argv[1] == 'train':
        train(sys.argv[2], sys.argv[3], int(sys.argv[4]), [int(h) for h in sys.argv[5].split(',')])
    else:
        predict(sys.argv[2], sys.argv[3], sys.argv[4])
