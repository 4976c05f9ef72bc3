#!/bin/sh
# Prepares OSRM's car graph from /data/$OSM_PBF once; later starts find region.osrm.hsgr and skip.
set -eu
cd /data
if [ -f region.osrm.hsgr ]; then
  echo "osrm-prepare: region.osrm.hsgr exists, nothing to do"
  exit 0
fi
if [ ! -f "$OSM_PBF" ]; then
  echo "osrm-prepare: /data/$OSM_PBF not found; put an OpenStreetMap extract there (see infra/README.md)" >&2
  exit 1
fi
cp "$OSM_PBF" region.osm.pbf
osrm-extract -p /opt/car.lua region.osm.pbf
osrm-contract region.osrm
echo "osrm-prepare: done"
