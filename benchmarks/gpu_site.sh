#!/bin/sh
# Gathers what the lent GPU machine lacks (it has torch, transformers, peft's
# dependencies, no network) into .gpu-site/: CPython 3.12 x86-64 packages,
# unpacked, with only bitsandbytes' CUDA 13 and CPU libraries (the whole wheel
# would not fit the 64 MiB a run carries). Versions are this checkout's own.
# .gpu-site/ is git-ignored: name it in the run's carry.
#
#   sh benchmarks/gpu_site.sh
#   then on the device: PYTHONPATH=.gpu-site python3 -m benchmarks.gpu   (carry: .gpu-site)
set -eu
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
version() { "$py" -c "import importlib.metadata as m; print(m.version('$1'))"; }
rm -rf .gpu-site .gpu-wheels
mkdir -p .gpu-site .gpu-wheels
for pkg in bitsandbytes peft pydantic pydantic-core pydantic-settings python-dotenv structlog typing-inspection annotated-types; do
  "$py" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
    --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_24_x86_64 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform any \
    -d .gpu-wheels "$pkg==$(version "$pkg")"
done
for wheel in .gpu-wheels/*.whl; do
  "$py" -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$wheel" .gpu-site
done
find .gpu-site/bitsandbytes -name 'libbitsandbytes_*' ! -name '*cuda130*' ! -name '*cuda132*' ! -name '*cpu*' -delete
rm -rf .gpu-wheels
du -sh .gpu-site
