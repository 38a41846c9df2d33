// n8n's logger (winston) would print every node error the tests provoke on purpose.
process.env.N8N_LOG_LEVEL = 'silent';
