#!/usr/bin/env python3
"""Writes small PyTorch-shaped archives as fuzzing seeds for FuzzAxelrodData.

Each seed has the layout of axelrod's model_attention.pth (a stored ZIP holding
archive/data.pkl, archive/byteorder and archive/data/N) with a few tiny float32 tensors,
so the fuzzer starts inside the ZIP and pickle readers instead of at random bytes. The protocol-4
seed is refused at its STACK_GLOBAL (torch.save writes protocol 2), after its FRAME and memo opcodes. No torch
is needed: the pickle names torch's callables through stand-in modules, which is all a
pickle records of them. The tensors' names and shapes are not the model's, so Parley reads
the archive and the pickle and then refuses the tensors, as it must.
  python3 scripts/torch_archive_seeds.py Fuzz/Seeds/FuzzAxelrodData
"""
import collections
import io
import pickle
import struct
import sys
import types
import zipfile

torch = types.ModuleType("torch")
utils = types.ModuleType("torch._utils")
sys.modules["torch"], sys.modules["torch._utils"] = torch, utils
torch._utils = utils


def _rebuild_tensor_v2(*args):
    return args


_rebuild_tensor_v2.__module__ = "torch._utils"
utils._rebuild_tensor_v2 = _rebuild_tensor_v2


class FloatStorage:
    pass


FloatStorage.__module__ = "torch"
torch.FloatStorage = FloatStorage


class Storage:
    def __init__(self, key, count):
        self.key, self.count = key, count


class Tensor:
    def __init__(self, storage, shape):
        self.storage, self.shape = storage, shape

    def __reduce__(self):
        stride = tuple(int(__import__("math").prod(self.shape[i + 1:])) for i in range(len(self.shape)))
        return (_rebuild_tensor_v2, (self.storage, 0, tuple(self.shape), stride, False, collections.OrderedDict()))


class Pickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", FloatStorage, obj.key, "cpu", obj.count)
        return None


def archive(tensors, protocol):
    state = collections.OrderedDict()
    storages = {}
    for k, (name, shape) in enumerate(tensors):
        count = 1
        for n in shape:
            count *= n
        storage = Storage(str(k), count)
        storages[storage.key] = struct.pack("<%df" % count, *[0.5 * (i + 1) for i in range(count)])
        state[name] = Tensor(storage, shape)
    buffer = io.BytesIO()
    Pickler(buffer, protocol=protocol).dump(state)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("archive/data.pkl", buffer.getvalue())
        z.writestr("archive/byteorder", "little")
        for key, data in storages.items():
            z.writestr("archive/data/" + key, data)
    return out.getvalue()


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "Fuzz/Seeds/FuzzAxelrodData"
    seeds = {
        "one-tensor.pth": ([("embeddings.weight", (2, 3))], 2),
        "three-tensors.pth": ([("a.weight", (4,)), ("b.bias", (2, 2)), ("c", (1, 2, 2))], 2),
        "protocol4.pth": ([("layer.0.query.weight", (3, 2))], 4),
    }
    for name, (tensors, protocol) in seeds.items():
        with open(f"{folder}/{name}", "wb") as f:
            f.write(archive(tensors, protocol))


if __name__ == "__main__":
    main()
