// Sends the file chosen or dropped on an <input type=file> to the import API as a raw body, reporting progress
// to the Blazor component and allowing cancellation. The page keeps its circuit; the bytes go over plain HTTP.
const uploads = new Map();

export function fileInfo(inputId) {
  const file = document.getElementById(inputId)?.files?.[0];
  return file ? { name: file.name, size: file.size } : null;
}

export function start(inputId, url, component) {
  const file = document.getElementById(inputId).files[0];
  const request = new XMLHttpRequest();
  uploads.set(inputId, request);
  request.open("POST", url);
  request.setRequestHeader("Content-Type", "application/octet-stream");
  request.upload.onprogress = e => component.invokeMethodAsync("UploadProgress", e.loaded, e.total || file.size);
  request.onload = () => { uploads.delete(inputId); component.invokeMethodAsync("UploadFinished", request.status, request.responseText); };
  request.onerror = () => { uploads.delete(inputId); component.invokeMethodAsync("UploadFinished", 0, "The connection to the portal broke off."); };
  request.onabort = () => { uploads.delete(inputId); component.invokeMethodAsync("UploadFinished", -1, ""); };
  request.send(file);
}

export function cancel(inputId) {
  uploads.get(inputId)?.abort();
}

export async function head(inputId, bytes) {
  const file = document.getElementById(inputId)?.files?.[0];
  return file ? { text: await file.slice(0, bytes).text(), whole: file.size <= bytes } : null;
}
