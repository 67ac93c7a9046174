# The portal: Blazor Server, API and health, on SQL Server and RabbitMQ in production.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Governance.Portal -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# PDF reports embed DejaVu Sans.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataDirectory=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Governance.Portal.dll"]
