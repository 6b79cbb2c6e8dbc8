# StandbyOps server image: build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig StandbyOps.sln ./
COPY src/ src/
RUN dotnet publish src/StandbyOps.Server/StandbyOps.Server.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY standbyops.yaml /etc/standbyops/standbyops.yaml
# The PDF exports (invoices, reports) embed DejaVu Sans, read from Debian's fonts-dejavu-core.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /var/lib/standbyops && chown -R app:app /var/lib/standbyops
USER app
EXPOSE 8080
# No curl in the runtime image: the server binary probes its own readiness.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["dotnet", "StandbyOps.Server.dll", "healthcheck", "--url", "http://127.0.0.1:8080/readyz"]
VOLUME ["/var/lib/standbyops"]
ENTRYPOINT ["dotnet", "StandbyOps.Server.dll", "--urls", "http://0.0.0.0:8080", "--data-dir", "/var/lib/standbyops", "--config", "/etc/standbyops/standbyops.yaml"]
