// Model API: https://mongoosejs.com/docs/api/model.html
export const READ_METHODS = new Set([
  'find',
  'findOne',
  'findById',
  'countDocuments',
  'estimatedDocumentCount',
  'count',
  'aggregate',
  'distinct',
  'exists',
  'where',
]);
export const WRITE_METHODS = new Set([
  'create',
  'insertMany',
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndRemove',
  'findByIdAndUpdate',
  'findByIdAndDelete',
  'findByIdAndRemove',
  'deleteOne',
  'deleteMany',
  'replaceOne',
  'bulkWrite',
  'bulkSave',
  'remove',
]);
/** Calls whose result is a document that `doc.save()` later writes back. */
export const DOCUMENT_METHODS = new Set(['findOne', 'findById']);
