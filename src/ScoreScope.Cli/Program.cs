Console.WriteLine(TorchSharp.torch.ones(2,2).matmul(TorchSharp.torch.ones(2,2)).sum().item<float>());
