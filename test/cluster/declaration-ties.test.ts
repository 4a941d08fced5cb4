import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { createTempDirectory, writeFile } from '../hostile/helpers/temp-project.js';

/**
 * An Express + Mongoose app of the older kind: app.js loads every model file at start-up, and
 * services look the models up by name (`mongoose.model('Invoice')`), so no import ties a model
 * file to the code that uses it. Only its declaration of the collection does.
 */
function writeLookupApp(root: string): void {
  writeFile(root, 'package.json', JSON.stringify({ name: 'lookup-app', dependencies: { express: '^4.21.0', mongoose: '^8.7.0' } }));
  writeFile(
    root,
    'app.js',
    "const express = require('express');\nrequire('./models/invoice');\nrequire('./models/payment');\nrequire('./models/shipment');\nrequire('./models/carrier');\nconst app = express();\napp.use('/billing', require('./routes/billing'));\napp.use('/shipping', require('./routes/shipping'));\nmodule.exports = app;\n",
  );
  for (const [domain, models] of [
    ['billing', ['Invoice', 'Payment']],
    ['shipping', ['Shipment', 'Carrier']],
  ] as const) {
    writeFile(root, `routes/${domain}.js`, `const router = require('express').Router();\nconst controller = require('../controllers/${domain}');\nrouter.get('/', controller.list);\nrouter.post('/', controller.create);\nmodule.exports = router;\n`);
    writeFile(root, `controllers/${domain}.js`, `const service = require('../services/${domain}');\nexports.list = async (req, res) => res.json(await service.list());\nexports.create = async (req, res) => res.json(await service.create(req.body));\n`);
    const lookups = models.map((model) => `const ${model} = mongoose.model('${model}');`).join('\n');
    writeFile(
      root,
      `services/${domain}.js`,
      `const mongoose = require('mongoose');\n${lookups}\nexports.list = () => ${models[0]}.find().lean();\nexports.create = async (data) => { const first = await ${models[0]}.create(data); await ${models[1]}.create({ ref: first._id }); return first; };\nexports.count = () => ${models[1]}.countDocuments();\n`,
    );
    for (const model of models) {
      writeFile(root, `models/${model.toLowerCase()}.js`, `const mongoose = require('mongoose');\nconst schema = new mongoose.Schema({ ref: mongoose.Schema.Types.ObjectId, note: String });\nmodule.exports = mongoose.model('${model}', schema);\n`);
    }
  }
}

describe('declaration ties', () => {
  it('put a model file that nothing imports in the service that uses the collection it declares', async () => {
    const root = createTempDirectory('declaration-ties');
    writeLookupApp(root);
    const analysis = await analyze({ root });
    const serviceOf = (file: string) => analysis.files.find((entry) => entry.path === file)?.service ?? null;

    expect(serviceOf('services/billing.js')).not.toBeNull();
    expect(serviceOf('services/shipping.js')).not.toBe(serviceOf('services/billing.js'));
    expect({
      invoice: serviceOf('models/invoice.js'),
      payment: serviceOf('models/payment.js'),
      shipment: serviceOf('models/shipment.js'),
      carrier: serviceOf('models/carrier.js'),
    }).toEqual({
      invoice: serviceOf('services/billing.js'),
      payment: serviceOf('services/billing.js'),
      shipment: serviceOf('services/shipping.js'),
      carrier: serviceOf('services/shipping.js'),
    });
  });
});
