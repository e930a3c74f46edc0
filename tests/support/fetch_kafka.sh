#!/usr/bin/env bash
# Fetch Apache Kafka (broker jars and their dependencies) from Maven Central
# into DEST/libs. Usage: fetch_kafka.sh DEST [VERSION]
set -euo pipefail
dest=${1:?usage: fetch_kafka.sh DEST [VERSION]}
version=${2:-4.1.1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>finnews.test</groupId><artifactId>kafka-dist</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${version}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
POM
mkdir -p "$dest"
mvn -q -B -f "$work/pom.xml" dependency:copy-dependencies -DoutputDirectory="$dest/libs.partial" -DincludeScope=runtime
rm -rf "$dest/libs"
mv "$dest/libs.partial" "$dest/libs"
echo "kafka ${version}: $(ls "$dest/libs" | wc -l) jars in $dest/libs"
