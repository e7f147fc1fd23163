# Mamori container recipe: built from the release jar, not from source (not run in CI).
#   ./mvnw -DskipTests package            # target/mamori.jar and target/bom.json
#   docker build -t mamori:0.1.0 .
#   docker run -d --name mamori -p 8080:8080 -v mamori-data:/var/lib/mamori mamori:0.1.0
# PostgreSQL instead of the embedded H2 file: add
#   -e MAMORI_DB_URL=jdbc:postgresql://db:5432/mamori -e MAMORI_DB_USER=mamori -e MAMORI_DB_PASSWORD=… \
#   -e SPRING_PROFILES_ACTIVE=pg
FROM eclipse-temurin:17-jre

# curl for the health check only
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system mamori \
    && useradd --system --gid mamori --home-dir /var/lib/mamori --shell /usr/sbin/nologin mamori \
    && mkdir -p /opt/mamori /var/lib/mamori /var/backups/mamori \
    && chown mamori:mamori /var/lib/mamori /var/backups/mamori

COPY target/mamori.jar /opt/mamori/mamori.jar
COPY target/bom.json /opt/mamori/bom.json

# the H2 database (./data) and anything else Mamori writes live in the volume; scheduled backups
# should go to a second volume on other storage (set /var/backups/mamori on the backup page)
WORKDIR /var/lib/mamori
VOLUME ["/var/lib/mamori", "/var/backups/mamori"]
USER mamori
EXPOSE 8080

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-jar", "/opt/mamori/mamori.jar"]
