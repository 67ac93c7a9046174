# A training worker. TORCH_BACKEND=cuda (default here) bundles the CUDA build of libtorch; cpu builds a CPU worker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND=cuda
WORKDIR /src
COPY . .
RUN dotnet publish src/Governance.Worker -c Release -o /app -p:TorchBackend=${TORCH_BACKEND}

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
# The GPU comes from the host through the NVIDIA container toolkit (see the reservation in docker-compose.yml).
ENV NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    MALLOC_MMAP_THRESHOLD_=131072
ENTRYPOINT ["dotnet", "Governance.Worker.dll"]
