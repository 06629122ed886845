let t=performance.now();
const { readSchemaFiles } = await import('./dist/load/read.js');
const { parseSchemaText } = await import('./dist/load/parse.js');
const { validateSources } = await import('./dist/validate/index.js');
const { buildModel } = await import('./dist/model/build.js');
console.log('imports', (performance.now()-t).toFixed(0));
for (let round=0; round<2; round++) {
t=performance.now(); const files = await readSchemaFiles('/tmp/b200'); const a=performance.now();
const sources = files.map(f=>parseSchemaText(f.file,f.text).source); const b=performance.now();
const p = validateSources(sources); const c=performance.now();
buildModel(sources); const d=performance.now();
console.log('read',(a-t).toFixed(0),'parse',(b-a).toFixed(0),'validate',(c-b).toFixed(0),'model',(d-c).toFixed(0));
}
